package cn.gov.jgsw.graphql.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key: each key may spend up to {@code burst} requests at once, refilled at {@code perSecond}. Buckets
 * live in this node's memory; a full bucket is forgotten, so memory follows the callers active right now.
 */
final class TokenBuckets {

    private final int burst;
    private final double perSecond;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    TokenBuckets(int burst, double perSecond, LongSupplier nanoTime) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.lastSweep = nanoTime.getAsLong();
    }

    /** Takes one request from the key's bucket; if it is empty, answers how long until one is back. */
    Optional<Duration> take(String key) {
        long now = nanoTime.getAsLong();
        sweepNowAndThen(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, burst, perSecond);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) ((1 - bucket.tokens) / perSecond * 1e9)));
        }
    }

    private void sweepNowAndThen(long now) {
        if (now - lastSweep > Duration.ofMinutes(1).toNanos()) {
            lastSweep = now;
            buckets.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    entry.getValue().refill(now, burst, perSecond);
                    return entry.getValue().tokens >= burst;
                }
            });
        }
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        void refill(long now, int burst, double perSecond) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
        }
    }
}
