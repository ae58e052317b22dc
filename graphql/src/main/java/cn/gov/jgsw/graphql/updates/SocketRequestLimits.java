package cn.gov.jgsw.graphql.updates;

import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ErrorMessages;
import cn.gov.jgsw.graphql.errors.Refusals;
import cn.gov.jgsw.graphql.runtime.ApiRateBudget;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Every operation sent over the socket ({@code subscribe}, queries and mutations as well as subscriptions) draws on
 * the person's and the app's rate budget as an HTTP request does, and is refused the same way when it is spent:
 * {@code RATE_LIMITED} with {@code extensions.retryAfterSeconds}, nothing run. The other limits hold on the socket
 * by themselves: query depth and complexity, persisted operations, one purpose-bound read are checked inside GraphQL;
 * a message larger than the container's buffer closes the socket (1009). A plain interceptor that looks at socket
 * requests only: Spring GraphQL takes one socket interceptor, {@link SocketAuthentication}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
public class SocketRequestLimits implements WebGraphQlInterceptor {

    private final ApiRateBudget rates;
    private final ErrorMessages messages;

    public SocketRequestLimits(ApiRateBudget rates, ErrorMessages messages) {
        this.rates = rates;
        this.messages = messages;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socketRequest
                && socketRequest.getSessionInfo().getAttributes().get(SocketAuthentication.TOKEN) instanceof Jwt token) {
            Optional<Duration> wait = rates.take(token);
            if (wait.isPresent()) {
                return Mono.just(Refusals.refused(request, messages, ApiErrorCode.RATE_LIMITED,
                        Map.of("retryAfterSeconds", ApiRateBudget.retryAfterSeconds(wait.get()))));
            }
        }
        return chain.next(request);
    }
}
