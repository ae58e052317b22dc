package cn.gov.jgsw.graphql.updates;

import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ApiException;
import cn.gov.jgsw.graphql.runtime.CallerInterceptor;
import cn.gov.jgsw.tenants.api.Caller;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code myUpdates}: what concerns the caller, as it happens, until the socket's token expires. Then
 * {@link SocketAuthentication} closes the socket (4401) and the app opens a new one with a fresh token; the
 * subscription also ends by itself at that moment, so that nothing reaches the caller past the token's life even if
 * closing the socket failed.
 */
@Controller
public class MyUpdatesController {

    private final UpdateStream updates;

    public MyUpdatesController(UpdateStream updates) {
        this.updates = updates;
    }

    @SubscriptionMapping
    public Flux<MyUpdate> myUpdates(GraphQLContext context) {
        Caller caller = context.get(CallerInterceptor.CALLER);
        Jwt token = context.get(SocketAuthentication.TOKEN);
        if (caller == null || token == null) {
            throw new ApiException(ApiErrorCode.UNAUTHENTICATED, "subscription without an authenticated socket");
        }
        Duration untilExpiry = Duration.between(Instant.now(), token.getExpiresAt());
        return updates.of(caller.tenantId(), caller.userId()).take(untilExpiry.isNegative() ? Duration.ZERO : untilExpiry);
    }
}
