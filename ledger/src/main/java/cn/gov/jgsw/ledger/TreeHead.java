package cn.gov.jgsw.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A tree head of a bureau's ledger (树头): how many events the log holds and the root over them, at a moment. What
 * is signed is {@link #signedText()}, five lines of plain text a person can read:
 * <pre>
 * jgsw-ledger-tree-head/v1
 * tenant:bureau-nanming
 * size:1234
 * root:&lt;64 hex digits, SM3&gt;
 * issued:2026-11-26T15:50:00Z
 * </pre>
 * each ending in a line feed, UTF-8, the time in UTC to the second ({@link Instant#toString()} of a whole second).
 *
 * @param tenantId the bureau whose log it is
 * @param size     the number of events in the log
 * @param rootHex  the Merkle root of those events, lowercase hex
 * @param issuedAt when it was signed, whole seconds
 */
public record TreeHead(String tenantId, long size, String rootHex, Instant issuedAt) {

    public static final String FORMAT = "jgsw-ledger-tree-head/v1";

    public TreeHead {
        if (tenantId == null || tenantId.isBlank() || tenantId.contains("\n") || size < 0 || rootHex == null
                || !rootHex.matches("[0-9a-f]{64}") || issuedAt == null || issuedAt.getNano() != 0) {
            throw new IllegalArgumentException("not a tree head: " + tenantId + " " + size + " " + rootHex + " "
                    + issuedAt);
        }
    }

    public String signedText() {
        return FORMAT + "\n" + "tenant:" + tenantId + "\n" + "size:" + size + "\n" + "root:" + rootHex + "\n"
                + "issued:" + issuedAt + "\n";
    }

    public byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }
}
