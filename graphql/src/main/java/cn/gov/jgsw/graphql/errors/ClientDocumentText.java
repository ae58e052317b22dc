package cn.gov.jgsw.graphql.errors;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * graphql-java's descriptions of a client's mistake, told in the client's own GraphQL: its messages print the values
 * of a document as the library's syntax tree ({@code IntValue{value=99999999999}}, {@code StringValue{value='x'}}),
 * which says nothing to a client and something of our insides. Each such value is written back as GraphQL
 * ({@code 99999999999}, {@code "x"}), innermost first, so lists and input objects come out whole.
 */
final class ClientDocumentText {

    private static final Pattern SCALAR = Pattern.compile(
            "(IntValue|FloatValue|BooleanValue)\\{value=([^{}]*?)}"
                    + "|StringValue\\{value='((?:[^']|'(?!}))*)'}"
                    + "|EnumValue\\{name='(\\w*)'}"
                    + "|VariableReference\\{name='(\\w*)'}"
                    + "|NullValue\\{}");
    /** Text without braces but for objects already written as GraphQL, two deep. */
    private static final String WRITTEN = "((?:[^{}]|\\{(?:[^{}]|\\{[^{}]*})*})*?)";
    private static final Pattern FIELD = Pattern.compile("ObjectField\\{name='(\\w*)', value=" + WRITTEN + "}");
    private static final Pattern LIST = Pattern.compile("ArrayValue\\{values=\\[" + WRITTEN + "]}");
    private static final Pattern OBJECT = Pattern.compile("ObjectValue\\{objectFields=\\[" + WRITTEN + "]}");
    private static final char OPENING_IN_TEXT = '\uE000';
    private static final char CLOSING_IN_TEXT = '\uE001';
    /** Nesting the app's inputs never exceed; deeper text is left as it is. */
    private static final int DEEPEST = 12;

    private ClientDocumentText() {
    }

    static String of(String libraryText) {
        if (libraryText == null) {
            return null;
        }
        String text = replace(SCALAR, libraryText, ClientDocumentText::scalar);
        for (int depth = 0; depth < DEEPEST; depth++) {
            String before = text;
            text = replace(FIELD, text, found -> found.group(1) + ": " + found.group(2));
            text = replace(LIST, text, found -> "[" + found.group(1) + "]");
            text = replace(OBJECT, text, found -> "{" + found.group(1) + "}");
            if (text.equals(before)) {
                break;
            }
        }
        return text.replace(OPENING_IN_TEXT, '{').replace(CLOSING_IN_TEXT, '}');
    }

    private static String scalar(Matcher found) {
        if (found.group(1) != null) {
            return found.group(2);
        }
        if (found.group(3) != null) {
            // Braces inside a string are set aside until the structure around it is written.
            return '"' + found.group(3).replace('{', OPENING_IN_TEXT).replace('}', CLOSING_IN_TEXT) + '"';
        }
        if (found.group(4) != null) {
            return found.group(4);
        }
        if (found.group(5) != null) {
            return "$" + found.group(5);
        }
        return "null";
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
