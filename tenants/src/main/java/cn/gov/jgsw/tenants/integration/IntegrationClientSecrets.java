package cn.gov.jgsw.tenants.integration;

import cn.gov.jgsw.tenants.api.IntegrationSecrets;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

/**
 * The verifiers of integration-client secrets, in {@code integration_client_secrets}: {@code {_id: secretId, clientId,
 * tenantId, sha256, createdAt}}. A secret is 32 random bytes made here; only its SHA-256 is kept. Whether a secret
 * still works is the registry's business (its events), not this collection's: a verifier whose command never went
 * through is never consulted.
 */
@Component
public class IntegrationClientSecrets implements IntegrationSecrets {

    /** Marks the string as a platform secret, so secret scanners and people recognise a leaked one. */
    static final String PREFIX = "jgsw_ic_";
    private static final int FINGERPRINT_LENGTH = 12;

    private final MongoCollection<Document> verifiers;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public IntegrationClientSecrets(MongoDatabase platformDatabase) {
        this.verifiers = platformDatabase.getCollection("integration_client_secrets");
        this.clock = Clock.systemUTC();
    }

    @Override
    public IssuedSecret issue(String tenantId, String clientId, String secretId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = sha256(secret);
        // Replaces a verifier of the same id: a repeated attempt of one request makes a new secret, and only the
        // newest one was shown to anybody.
        verifiers.replaceOne(Filters.eq("_id", secretId), new Document("_id", secretId)
                        .append("clientId", clientId)
                        .append("tenantId", tenantId)
                        .append("sha256", hash)
                        .append("createdAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
        return new IssuedSecret(secretId, secret, hash.substring(0, FINGERPRINT_LENGTH));
    }

    @Override
    public void withdraw(String secretId) {
        verifiers.deleteOne(Filters.eq("_id", secretId));
    }

    /** True if the secret is the one of that id, and the id belongs to that client. Compares in constant time. */
    public boolean matches(String clientId, String secretId, String presented) {
        Document verifier = verifiers.find(Filters.eq("_id", secretId)).first();
        if (verifier == null || !clientId.equals(verifier.getString("clientId"))) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented).getBytes(StandardCharsets.US_ASCII),
                verifier.getString("sha256").getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
