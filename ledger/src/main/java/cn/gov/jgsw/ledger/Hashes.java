package cn.gov.jgsw.ledger;

import org.bouncycastle.util.encoders.Hex;

import java.util.List;

/** Hashes written as lowercase hex, the way the ledger stores and exports them. */
public final class Hashes {

    private Hashes() {
    }

    public static String hex(byte[] hash) {
        return Hex.toHexString(hash);
    }

    public static byte[] bytes(String hex) {
        return Hex.decode(hex);
    }

    public static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList();
    }

    public static List<byte[]> bytes(List<String> hexes) {
        return hexes.stream().map(Hashes::bytes).toList();
    }
}
