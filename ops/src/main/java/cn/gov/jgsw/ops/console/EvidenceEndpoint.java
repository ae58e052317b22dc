package cn.gov.jgsw.ops.console;

import cn.gov.jgsw.projections.audit.api.EvidenceBundles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;

/**
 * {@code GET /actuator/evidence/{bureau}?from=&to=} (operator only): the evidence bundle of a bureau's events in a
 * period, for {@code ops/bin/export-evidence.sh}: the command an operator runs when a court or an inspector asks for
 * it through channels outside the app. Each export is logged with the operator's request.
 */
@Component
@Endpoint(id = "evidence")
public class EvidenceEndpoint {

    private static final Logger log = LoggerFactory.getLogger(EvidenceEndpoint.class);

    private final EvidenceBundles bundles;

    public EvidenceEndpoint(EvidenceBundles bundles) {
        this.bundles = bundles;
    }

    @ReadOperation(produces = "application/zip")
    public WebEndpointResponse<byte[]> export(@Selector String bureau, String from, String to) throws IOException {
        Instant start = Instant.parse(from);
        Instant end = Instant.parse(to);
        if (!end.isAfter(start)) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        log.info("Evidence bundle of {} from {} to {} exported by an operator", bureau, start, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bundles.write(bureau, start, end, out);
        return new WebEndpointResponse<>(out.toByteArray(), WebEndpointResponse.STATUS_OK);
    }
}
