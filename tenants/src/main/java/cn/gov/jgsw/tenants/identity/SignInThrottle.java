package cn.gov.jgsw.tenants.identity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Slows down password guessing on the sign-in form (登录限制).
 * <p>
 * Two counters, in {@code sign_in_failures}: failures for one account <em>from one address</em>, and failures from one
 * address for any account. After {@link #FAILURES_PER_ACCOUNT_AND_ADDRESS} the pair is locked for a minute, doubling
 * with each further failure up to {@link #LONGEST_LOCK}; after {@link #FAILURES_PER_ADDRESS} the address is locked for
 * {@link #LONGEST_LOCK}. A lock refuses the attempt before the password is checked. Counters start over after
 * {@link #QUIET_PERIOD} without failures, and a successful sign-in clears its pair.
 * <p>
 * Why per account <em>and</em> address: a lock on the account alone would let anyone lock a civil servant out
 * indefinitely by guessing wrong on purpose. Here the attacker only locks out their own address; the person, signing
 * in from their phone, is not affected. (A guesser spread over many addresses is slowed per address only; that is
 * left to the network's own defences.) Addresses are the TCP peer; behind a proxy the platform must be told to trust
 * its forwarding header before these counters mean anything.
 */
public final class SignInThrottle {

    static final int FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
    /** High: a whole bureau may reach the platform through one address (NAT). */
    static final int FAILURES_PER_ADDRESS = 100;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration QUIET_PERIOD = Duration.ofMinutes(30);

    private static final Logger logger = LoggerFactory.getLogger(SignInThrottle.class);

    private final MongoCollection<Document> failures;
    private final Clock clock;

    SignInThrottle(MongoDatabase platformDatabase, Clock clock) {
        this(platformDatabase, clock, "sign_in_failures");
    }

    /** A throttle of its own, with its counters in the collection (the operators' sign-in has one apart). */
    public SignInThrottle(MongoDatabase platformDatabase, Clock clock, String collection) {
        this.failures = platformDatabase.getCollection(collection);
        this.clock = clock;
    }

    /** How long this attempt must still wait, if it is locked. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        return Stream.of(pairKey(username, address), addressKey(address))
                .map(key -> failures.find(Filters.eq("_id", key)).first())
                .filter(counter -> counter != null && counter.getDate("lockedUntil") != null)
                .map(counter -> Duration.between(now, counter.getDate("lockedUntil").toInstant()))
                .filter(wait -> !wait.isNegative() && !wait.isZero())
                .max(Duration::compareTo);
    }

    public void failed(String username, String address) {
        int pair = count(pairKey(username, address), FAILURES_PER_ACCOUNT_AND_ADDRESS,
                failures -> FIRST_LOCK.multipliedBy(1L << Math.min(failures - FAILURES_PER_ACCOUNT_AND_ADDRESS, 10)));
        int fromAddress = count(addressKey(address), FAILURES_PER_ADDRESS, failures -> LONGEST_LOCK);
        if (pair >= FAILURES_PER_ACCOUNT_AND_ADDRESS || fromAddress >= FAILURES_PER_ADDRESS) {
            logger.warn("Sign-in locked after repeated failures: account {} from {} ({} failures; {} from the address)",
                    username, address, pair, fromAddress);
        }
    }

    public void succeeded(String username, String address) {
        failures.deleteOne(Filters.eq("_id", pairKey(username, address)));
    }

    private int count(String key, int threshold, IntFunction<Duration> lockAfter) {
        Instant now = clock.instant();
        Document counter = failures.find(Filters.eq("_id", key)).first();
        boolean fresh = counter == null
                || counter.getDate("lastFailure").toInstant().plus(QUIET_PERIOD).isBefore(now);
        int count = fresh ? 1 : counter.getInteger("failures") + 1;
        Document updated = new Document("_id", key).append("failures", count).append("lastFailure", Date.from(now));
        if (count >= threshold) {
            Duration lock = lockAfter.apply(count);
            updated.append("lockedUntil", Date.from(now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock)));
        }
        failures.replaceOne(Filters.eq("_id", key), updated, new ReplaceOptions().upsert(true));
        return count;
    }

    private static String pairKey(String username, String address) {
        return "account:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)) + "|" + address;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
