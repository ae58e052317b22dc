package cn.gov.jgsw.graphql.idempotency;

import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ApiException;
import cn.gov.jgsw.tenants.api.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.ReadConcern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a mutation at most once per (person, idempotency key).
 * <p>
 * A mutation has two steps: the command, which changes state and answers a receipt (e.g. the aggregate version), and
 * the answer, which reads the state the command caused. The record in {@code idempotency_records} goes through
 * {@code IN_PROGRESS} (claimed) → {@code COMMAND_DONE} (receipt kept) → {@code ANSWERED} (first answer kept):
 * <ul>
 *   <li>same key, same input, answered: the first answer again, nothing recorded;</li>
 *   <li>same key, same input, command done but not answered (the answer timed out, the node died): the answer is
 *   built again from the kept receipt, the command is not repeated;</li>
 *   <li>same key, same input, still in progress: {@code REQUEST_IN_PROGRESS}, retry later;</li>
 *   <li>same key, other operation or input: {@code IDEMPOTENCY_KEY_REUSED}, nothing done;</li>
 *   <li>the command refused (a business rule): the claim is dropped, since nothing was recorded, and the refusal is
 *   answered; a retry is judged afresh.</li>
 * </ul>
 * A claim left {@code IN_PROGRESS} by a failure whose outcome is unknown (timeout, lost connection, a node that died)
 * is taken over after {@link #ABANDONED_AFTER}. Every database operation gives up after 15 s (the driver's operation
 * timeout), so an attempt still running after two minutes is not to be expected; should it happen all the same, the
 * claim token keeps the late attempt from overwriting the record, and the event is logged.
 * Records expire after {@link #KEPT_FOR} (TTL index on {@code expiresAt}).
 */
@Component
public class IdempotentMutations {

    /** Keys are chosen by the app: a UUID fits, so do other URL-safe tokens. */
    private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,128}");
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    /** Marker: the key's record vanished between a failed insert and the read. */
    private static final Document NOT_CLAIMED_NOT_FOUND = new Document();
    private static final Logger log = LoggerFactory.getLogger(IdempotentMutations.class);
    static final Duration KEPT_FOR = Duration.ofDays(7);

    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMMAND_DONE = "COMMAND_DONE";
    private static final String ANSWERED = "ANSWERED";

    private final MongoCollection<Document> records;
    private final ObjectMapper json;
    private final Clock clock;

    @Autowired
    public IdempotentMutations(MongoDatabase platformDatabase) {
        this(platformDatabase, Clock.systemUTC());
    }

    IdempotentMutations(MongoDatabase platformDatabase, Clock clock) {
        this.records = platformDatabase.getCollection("idempotency_records");
        this.records.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        this.json = JsonMapper.builder()
                .findAndAddModules()
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .build();
        this.clock = clock;
    }

    /**
     * @param caller      the verified caller; keys are scoped to the person
     * @param operation   the mutation's name
     * @param key         the client's idempotency key
     * @param input       the mutation's input, compared by content (the key itself may be part of it)
     * @param receiptType what the command answers
     * @param command     changes state, answers the receipt; runs at most once per key
     * @param answer      reads the state the receipt stands for
     * @param payloadType what the mutation answers
     */
    public <R, P> P execute(Caller caller, String operation, String key, Object input,
                            Class<R> receiptType, Supplier<R> command,
                            Function<R, P> answer, Class<P> payloadType) {
        if (key == null || !KEY_FORMAT.matcher(key).matches()) {
            throw new ApiException(ApiErrorCode.INVALID_IDEMPOTENCY_KEY, "malformed idempotency key");
        }
        String id = sha256(caller.tenantId() + "\n" + caller.userId() + "\n" + key);
        String inputHash = sha256(operation + "\n" + toJson(input));
        String claimToken = UUID.randomUUID().toString();
        Document existing = claim(id, claimToken, caller, operation, inputHash);
        if (existing == null) {
            return runCommandThenAnswer(id, claimToken, receiptType, command, answer);
        }
        if (!operation.equals(existing.getString("operation")) || !inputHash.equals(existing.getString("inputHash"))) {
            throw new ApiException(ApiErrorCode.IDEMPOTENCY_KEY_REUSED, "key reused for other input");
        }
        return switch (existing.getString("state")) {
            case ANSWERED -> fromJson(existing.getString("answer"), payloadType);
            case COMMAND_DONE -> answerAndKeep(id, existing.getString("claimToken"),
                    fromJson(existing.getString("receipt"), receiptType), answer);
            default -> takeOverAbandoned(id, claimToken, existing)
                    ? runCommandThenAnswer(id, claimToken, receiptType, command, answer)
                    : failInProgress();
        };
    }

    /**
     * The id of an object a mutation creates, derived from the person and their idempotency key: should the command
     * ever run twice for one key (ADR 0002), the second run meets the first object instead of creating another.
     */
    public static String newObjectId(Caller caller, String key) {
        return UUID.nameUUIDFromBytes((caller.tenantId() + "\n" + caller.userId() + "\n" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Inserts the claim; answers null if this call claimed the key, else the record already there. */
    private Document claim(String id, String claimToken, Caller caller, String operation, String inputHash) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Document existing = tryClaim(id, claimToken, caller, operation, inputHash);
            if (existing != NOT_CLAIMED_NOT_FOUND) {
                return existing;
            }
        }
        // Claimed and dropped three times in a row by refused attempts of the same key: let the client retry. Or the
        // store refuses the key as taken yet holds no record of it, which the operator must hear of.
        log.warn("Idempotency record {} was refused as a duplicate yet not found, three times in a row", id);
        return failInProgress();
    }

    private Document tryClaim(String id, String claimToken, Caller caller, String operation, String inputHash) {
        Instant now = clock.instant();
        Document claim = new Document("_id", id)
                .append("claimToken", claimToken)
                .append("tenantId", caller.tenantId())
                .append("userId", caller.userId())
                .append("operation", operation)
                .append("inputHash", inputHash)
                .append("state", IN_PROGRESS)
                .append("claimedAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(KEPT_FOR)));
        try {
            records.insertOne(claim);
            return null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Read what the primary has, not what a majority has: the record that refused our insert may not be
            // majority-committed yet.
            Document existing = records.withReadConcern(ReadConcern.LOCAL).find(Filters.eq("_id", id)).first();
            // Null: the claim was dropped between our insert and our read (a refused command); claim again.
            return existing == null ? NOT_CLAIMED_NOT_FOUND : existing;
        }
    }

    private <R, P> P runCommandThenAnswer(String id, String claimToken, Class<R> receiptType, Supplier<R> command,
                                          Function<R, P> answer) {
        R receipt;
        try {
            receipt = command.get();
        } catch (BusinessRuleViolation | ApiException refused) {
            // A refusal records nothing: drop the claim so the person can correct and try again with the same key.
            records.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("claimToken", claimToken),
                    Filters.eq("state", IN_PROGRESS)));
            throw refused;
        }
        // Any other failure (a timeout, a lost connection) may have committed after all: the claim stays, and a retry
        // hears REQUEST_IN_PROGRESS until the claim counts as abandoned. Never doing an action twice is worth the wait.
        long kept = records.updateOne(ownClaim(id, claimToken),
                Updates.combine(Updates.set("state", COMMAND_DONE), Updates.set("receipt", toJson(receipt))))
                .getModifiedCount();
        if (kept == 0) {
            log.warn("Idempotency claim {} was taken over while its command ran; the command may have run twice", id);
        }
        return answerAndKeep(id, claimToken, receipt, answer);
    }

    private <R, P> P answerAndKeep(String id, String claimToken, R receipt, Function<R, P> answer) {
        P payload = answer.apply(receipt);
        // Only the holder of the claim writes: an attempt that lost its claim must not overwrite the new holder's record.
        records.updateOne(ownClaim(id, claimToken),
                Updates.combine(Updates.set("state", ANSWERED), Updates.set("answer", toJson(payload))));
        return payload;
    }

    private static Bson ownClaim(String id, String claimToken) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("claimToken", claimToken));
    }

    private boolean takeOverAbandoned(String id, String claimToken, Document existing) {
        Date claimedAt = existing.getDate("claimedAt");
        Instant now = clock.instant();
        if (claimedAt == null || claimedAt.toInstant().plus(ABANDONED_AFTER).isAfter(now)) {
            return false;
        }
        boolean takenOver = records.updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("state", IN_PROGRESS), Filters.eq("claimedAt", claimedAt)),
                Updates.combine(Updates.set("claimedAt", Date.from(now)), Updates.set("claimToken", claimToken)))
                .getModifiedCount() == 1;
        log.info("Idempotency claim {} of {}, abandoned since {}: {}", id, existing.getString("operation"), claimedAt,
                takenOver ? "taken over, its command runs again" : "taken over by another request first");
        return takenOver;
    }

    private static <P> P failInProgress() {
        throw new ApiException(ApiErrorCode.REQUEST_IN_PROGRESS, "same key still in progress");
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    private <T> T fromJson(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored " + type.getName(), e);
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
