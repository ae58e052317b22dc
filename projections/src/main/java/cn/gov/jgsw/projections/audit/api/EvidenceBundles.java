package cn.gov.jgsw.projections.audit.api;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * Writes the evidence bundle (证据包) of a bureau's events in a period: a zip the offline verifier checks with nothing
 * else. Implemented by the ledger (module {@code ops}); the API reaches it through this interface only.
 */
public interface EvidenceBundles {

    /** Periods longer than this are refused: a bundle is written in one request. */
    long LONGEST_PERIOD_DAYS = 366;

    void write(String tenantId, Instant from, Instant to, OutputStream out) throws IOException;
}
