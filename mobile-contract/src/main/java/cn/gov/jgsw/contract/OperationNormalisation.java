package cn.gov.jgsw.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The normal form of an operation document and its persisted id, as the mobile contract's README documents them,
 * so that the app's build computes the same id from the same files:
 * <ol>
 *     <li>remove comments: {@code #} to the end of the line;</li>
 *     <li>replace every run of white space, line ends and commas by one space;</li>
 *     <li>remove the spaces before and after each punctuator ({@code ! $ & ( ) ... : = @ [ ] { | }});</li>
 *     <li>trim.</li>
 * </ol>
 * The id is the SHA-256 of the normal form's UTF-8 bytes, in lower-case hex. The rules are only this simple because
 * the app's documents hold no string literals (values travel as variables); {@link OperationDocuments} refuses a
 * document that does.
 */
public final class OperationNormalisation {

    private static final Pattern COMMENT = Pattern.compile("#[^\\r\\n]*");
    private static final Pattern IGNORED = Pattern.compile("[\\s,\\uFEFF]+");
    private static final Pattern AROUND_PUNCTUATOR = Pattern.compile(" ?(\\.\\.\\.|[!$&():=@\\[\\]{|}]) ?");

    private OperationNormalisation() {
    }

    /** The document in normal form. */
    public static String normalise(String document) {
        String spaced = IGNORED.matcher(withoutComments(document)).replaceAll(" ");
        return AROUND_PUNCTUATOR.matcher(spaced).replaceAll("$1").trim();
    }

    /** The document with its comments ({@code #} to the end of the line) removed: rule 1 of the normal form. */
    static String withoutComments(String document) {
        return COMMENT.matcher(document).replaceAll("");
    }

    /** The persisted id of a document already in normal form: SHA-256, lower-case hex. */
    public static String id(String normalised) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
