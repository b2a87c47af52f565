package io.tokengovernor.cli.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Columns aligned with two spaces between them; a column holding only numbers is right-aligned
 * so that magnitudes line up. Without a header it serves as a key/value list.
 */
public final class Table {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?|-");
    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();
    private final boolean headed;

    private Table(String[] header) {
        headed = header != null;
        if (headed) {
            rows.add(header);
        }
    }

    public static Table withColumns(String... header) {
        return new Table(header);
    }

    public static Table withoutHeader() {
        return new Table(null);
    }

    public Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    public boolean isEmpty() {
        return rows.size() == (headed ? 1 : 0);
    }

    List<String> lines() {
        int columns = rows.stream().mapToInt(row -> row.length).max().orElse(0);
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        Arrays.fill(numeric, true);
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
                boolean isHeader = headed && r == 0;
                numeric[c] &= isHeader || NUMBER.matcher(row[c]).matches();
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean last = c == row.length - 1;
                String format = numeric[c] ? "%" + widths[c] + "s" : last ? "%s" : "%-" + widths[c] + "s";
                line.append(c == 0 ? "" : GAP).append(String.format(format, row[c]));
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
