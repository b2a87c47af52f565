package io.tokengovernor.core.json;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * A double in the fewest digits that read back as the same value, laid out as Rust's {@code ryu}
 * (and so serde_json, and so ccusage) lays it out: {@code 0.0}, {@code 4.5255}, {@code 12340.0},
 * {@code 0.00001}, {@code 1e-7}, {@code 1.234e33}. The digits come from Jackson's Schubfach
 * implementation; JDK 17's own {@code Double.toString} is not always shortest.
 */
public final class ShortestDouble {

    private ShortestDouble() {
    }

    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == 0.0) {
            return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
        }
        String java = DoubleToDecimal.toString(value);
        boolean negative = java.charAt(0) == '-';
        String unsigned = negative ? java.substring(1) : java;
        int e = unsigned.indexOf('E');
        String mantissa = e < 0 ? unsigned : unsigned.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(unsigned.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = (dot < 0 ? mantissa.length() : dot) + exponent;
        int leading = 0;
        while (leading < digits.length() - 1 && digits.charAt(leading) == '0') {
            leading++;
        }
        digits = digits.substring(leading);
        point -= leading;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        return (negative ? "-" : "") + layout(digits, point);
    }

    /** {@code 0.digits × 10^point} in ryu's layout. */
    private static String layout(String digits, int point) {
        int length = digits.length();
        int k = point - length;
        StringBuilder out = new StringBuilder();
        if (k >= 0 && point <= 16) {
            out.append(digits).append("0".repeat(k)).append(".0");
        } else if (point > 0 && point <= 16) {
            out.append(digits, 0, point).append('.').append(digits, point, length);
        } else if (point > -5 && point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (length == 1) {
            out.append(digits).append('e').append(point - 1);
        } else {
            out.append(digits.charAt(0)).append('.').append(digits, 1, length).append('e').append(point - 1);
        }
        return out.toString();
    }
}
