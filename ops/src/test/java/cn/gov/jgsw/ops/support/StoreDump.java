package cn.gov.jgsw.ops.support;

import cn.gov.jgsw.ledger.Sm2Signatures;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.jwk.JWK;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every text and binary value of every document of a database, as a dump (mongodump, a backup read back) hands them to
 * whoever holds it; and what an attacker looks for in them: keys that sign.
 */
public final class StoreDump {

    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");

    private final List<String> texts = new ArrayList<>();
    private final List<byte[]> binaries = new ArrayList<>();

    private StoreDump() {
    }

    public static StoreDump of(MongoDatabase database) {
        StoreDump dump = new StoreDump();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                dump.walk(document);
            }
        }
        return dump;
    }

    public List<String> texts() {
        return texts;
    }

    /** True if any value holds the text. */
    public boolean holds(String text) {
        return texts.stream().anyMatch(value -> value.contains(text))
                || binaries.stream().anyMatch(value -> new String(value, StandardCharsets.ISO_8859_1)
                .contains(text));
    }

    /** The JSON Web Keys with a private part found in any value: each would sign tokens. */
    public List<JWK> privateJsonWebKeys() {
        List<JWK> found = new ArrayList<>();
        for (String text : texts) {
            if (!text.contains("\"kty\"")) {
                continue;
            }
            try {
                JWK key = JWK.parse(text);
                if (key.isPrivate()) {
                    found.add(key);
                }
            } catch (ParseException notAKey) {
                // Not a key.
            }
        }
        return found;
    }

    /**
     * The values that are SM2 private keys of one of the given ledger public keys (hex): each would sign that bureau's
     * tree heads. Every 64-digit hex text is tried.
     */
    public List<String> ledgerPrivateKeysOf(Set<String> publicKeys) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            Matcher matcher = HEX_KEY.matcher(text);
            while (matcher.find()) {
                String candidate = matcher.group();
                try {
                    if (publicKeys.contains(Sm2Signatures.publicKeyOf(candidate.toLowerCase()))) {
                        found.add(candidate);
                    }
                } catch (RuntimeException notAKey) {
                    // Not a point on the curve's scalar range.
                }
            }
        }
        for (byte[] binary : binaries) {
            if (binary.length == 32 && publicKeys.contains(Sm2Signatures.publicKeyOf(HexFormat.of().formatHex(binary)))) {
                found.add(HexFormat.of().formatHex(binary));
            }
        }
        return found;
    }

    private void walk(Object value) {
        if (value instanceof String text) {
            texts.add(text);
        } else if (value instanceof Binary binary) {
            binaries.add(binary.getData());
        } else if (value instanceof byte[] bytes) {
            binaries.add(bytes);
        } else if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> texts.add(String.valueOf(key)));
            map.values().forEach(this::walk);
        } else if (value instanceof Collection<?> list) {
            list.forEach(this::walk);
        }
    }
}
