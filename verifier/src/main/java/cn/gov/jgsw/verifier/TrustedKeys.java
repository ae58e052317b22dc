package cn.gov.jgsw.verifier;

import cn.gov.jgsw.ledger.HashFunction;
import cn.gov.jgsw.ledger.Hashes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger public keys the person checking a bundle trusts, obtained outside it (a published list, a letter, a
 * telephone call comparing fingerprints). A key file holds lines {@code <bureau id> <public key, hex>}; a file of one
 * bare key is the key of the bundle's own bureau. Blank lines and lines starting with {@code #} are passed over.
 */
public final class TrustedKeys {

    /** The key given without a bureau: the bundle's own bureau's. */
    static final String OWN_BUREAU = "";

    private final Map<String, String> keys;

    private TrustedKeys(Map<String, String> keys) {
        this.keys = Map.copyOf(keys);
    }

    public static TrustedKeys of(Map<String, String> keysByBureau) {
        Map<String, String> normalised = new LinkedHashMap<>();
        keysByBureau.forEach((bureau, key) -> normalised.put(bureau, key.trim().toLowerCase(Locale.ROOT)));
        return new TrustedKeys(normalised);
    }

    public static TrustedKeys none() {
        return new TrustedKeys(Map.of());
    }

    /** Reads key files. */
    public static TrustedKeys read(List<Path> files) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                if (parts.length == 1) {
                    keys.put(OWN_BUREAU, parts[0]);
                } else if (parts.length == 2) {
                    keys.put(parts[0], parts[1]);
                } else {
                    throw new IllegalArgumentException(file + ": a line is '<bureau id> <public key hex>': " + line);
                }
            }
        }
        return of(keys);
    }

    /** The key supplied for the bureau; a bare key counts as the bundle's own bureau's. */
    Optional<String> of(String bureau, String bundleBureau) {
        String key = keys.get(bureau);
        if (key == null && bureau.equals(bundleBureau)) {
            key = keys.get(OWN_BUREAU);
        }
        return Optional.ofNullable(key);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** SM3 of the key's bytes (the uncompressed point), hex in groups of four: read out over the telephone. */
    public static String fingerprint(String publicKeyHex) {
        String hex = Hashes.hex(HashFunction.SM3.hash(Hashes.bytes(publicKeyHex.trim().toLowerCase(Locale.ROOT))));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(hex, i, i + 4);
        }
        return grouped.toString();
    }
}
