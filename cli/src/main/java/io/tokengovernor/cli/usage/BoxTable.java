package io.tokengovernor.cli.usage;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table drawn with box characters, as ccusage draws its reports: text columns left-aligned,
 * number columns right-aligned, a rule between rows, cells may hold several lines.
 */
final class BoxTable {

    private final String[] header;
    private final boolean[] numeric;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Boolean> emphasised = new ArrayList<>();

    BoxTable(String[] header, boolean[] numeric) {
        this.header = header;
        this.numeric = numeric;
    }

    BoxTable row(String... cells) {
        rows.add(cells);
        emphasised.add(false);
        return this;
    }

    BoxTable totalRow(String... cells) {
        rows.add(cells);
        emphasised.add(true);
        return this;
    }

    void print(PrintWriter out, Colors colors) {
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) {
                for (String line : row[c].split("\n", -1)) {
                    widths[c] = Math.max(widths[c], line.length());
                }
            }
        }
        out.println(rule('┌', '┬', '┐', widths));
        printRow(out, header, widths, colors, true);
        out.println(rule('├', '┼', '┤', widths));
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                out.println(rule('├', '┼', '┤', widths));
            }
            printRow(out, rows.get(r), widths, colors, emphasised.get(r));
        }
        out.println(rule('└', '┴', '┘', widths));
    }

    private void printRow(PrintWriter out, String[] cells, int[] widths, Colors colors, boolean strong) {
        String[][] lines = new String[cells.length][];
        int height = 1;
        for (int c = 0; c < cells.length; c++) {
            lines[c] = cells[c].split("\n", -1);
            height = Math.max(height, lines[c].length);
        }
        for (int l = 0; l < height; l++) {
            StringBuilder line = new StringBuilder("│");
            for (int c = 0; c < cells.length; c++) {
                String text = l < lines[c].length ? lines[c][l] : "";
                String padded = numeric[c] ? " ".repeat(widths[c] - text.length()) + text
                        : text + " ".repeat(widths[c] - text.length());
                line.append(' ').append(strong ? colors.yellow(padded) : padded).append(" │");
            }
            out.println(line);
        }
    }

    private static String rule(char left, char middle, char right, int[] widths) {
        StringBuilder line = new StringBuilder().append(left);
        for (int c = 0; c < widths.length; c++) {
            line.append("─".repeat(widths[c] + 2)).append(c == widths.length - 1 ? right : middle);
        }
        return line.toString();
    }
}
