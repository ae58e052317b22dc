package cn.gov.jgsw.domain.shared.api;

import java.text.Normalizer;

/**
 * The rules for every free-text field that goes into a record (事由、地点、意见): what people type is kept, in
 * Unicode normal form C and without surrounding blanks, up to a number of characters (code points, so a Chinese
 * character or an emoji counts once). Refused are characters that have no business in a legal record or that make
 * the text display as something it is not: control characters (C0 and C1, including NUL and line breaks), lone
 * surrogates, bidirectional overrides and isolates (the "Trojan Source" trick, e.g. U+202E), invisible
 * separators (U+200B, U+2060, U+FEFF), private-use characters and noncharacters. Joiners (U+200C, U+200D) stay: emoji
 * sequences need them.
 */
public final class FreeText {

    private FreeText() {
    }

    /** The outcome of a check: the text to keep, or why the input was refused. */
    public record Checked(String text, String problem) {

        public boolean refused() {
            return problem != null;
        }

        public boolean blank() {
            return problem == null && text == null;
        }
    }

    /** Checks and normalizes; blank input is {@code blank()}, not refused (the caller decides if it is required). */
    public static Checked check(String value, int longest) {
        if (value == null || value.isBlank()) {
            return new Checked(null, null);
        }
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            String problem = problemWith(codePoint);
            if (problem != null) {
                return new Checked(null, problem + String.format(" U+%04X at %d", codePoint, i));
            }
            i += Character.charCount(codePoint);
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        int length = text.codePointCount(0, text.length());
        if (length > longest) {
            return new Checked(null, "longer than " + longest + " characters (" + length + ")");
        }
        return new Checked(text, null);
    }

    /**
     * The text to keep, or null if blank; refuses what {@link #check} refuses with {@code code}.
     *
     * @param field names the field in the log message
     */
    public static String optional(String value, int longest, ErrorCode code, String field) {
        Checked checked = check(value, longest);
        if (checked.refused()) {
            throw new BusinessRuleViolation(code, field + ": " + checked.problem());
        }
        return checked.text();
    }

    /** The text to keep; refuses blank input too, with {@code code}. */
    public static String required(String value, int longest, ErrorCode code, String field) {
        String text = optional(value, longest, code, field);
        if (text == null) {
            throw new BusinessRuleViolation(code, field + " empty");
        }
        return text;
    }

    private static String problemWith(int codePoint) {
        if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
            return "lone surrogate";
        }
        int type = Character.getType(codePoint);
        if (type == Character.CONTROL) {
            return "control character";
        }
        if (type == Character.PRIVATE_USE || type == Character.UNASSIGNED && isNoncharacter(codePoint)) {
            return "private-use or noncharacter";
        }
        if ((codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C) {
            return "bidirectional control";
        }
        if (codePoint == 0x200B || codePoint == 0x2060 || codePoint == 0xFEFF) {
            return "invisible separator";
        }
        return null;
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** Checked text cut to {@code longest} characters with an ellipsis, for a one-line summary built from fields. */
    public static String shortened(String text, int longest) {
        return text.codePointCount(0, text.length()) <= longest ? text
                : text.substring(0, text.offsetByCodePoints(0, longest - 1)) + "…";
    }
}
