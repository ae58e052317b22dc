package cn.gov.jgsw.graphql.updates;

import cn.gov.jgsw.graphql.runtime.CallerInterceptor;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.TokenCallers;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Authenticates a socket by the access token in its {@code connection_init} payload ({@code {"Authorization":
 * "Bearer …"}}), with the same checks as the HTTP API: signature, lifetime, issuer, audience, tenant. Without a valid
 * token the connection is refused and the socket closed (4401). Every operation on the socket then runs as that
 * caller, and only until the token expires: then the socket is closed with 4401 too, and the app opens a new one with
 * a fresh token. A socket kept open past its token would go on pushing to somebody who may have lost their roles.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class SocketAuthentication implements WebSocketGraphQlInterceptor {

    static final String TOKEN = "socket.token";
    /** The code the graphql-transport-ws protocol uses for an unauthorised socket. */
    static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "Token expired");

    private final JwtDecoder tokens;

    public SocketAuthentication(JwtDecoder tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload.get("Authorization");
        if (!(header instanceof String bearer) || !bearer.startsWith("Bearer ")) {
            return refused("connection_init without a bearer token");
        }
        try {
            Jwt token = tokens.decode(bearer.substring("Bearer ".length()));
            TokenCallers.fromToken(token, null);
            session.getAttributes().put(TOKEN, token);
            closeAtExpiry(session, token);
            return Mono.empty();
        } catch (JwtException | IllegalArgumentException e) {
            return refused("connection_init with an invalid token");
        }
    }

    /**
     * A refusal, which Spring GraphQL answers by closing the socket with 4401. Hidden from Reactor's assembly-time
     * optimisation on purpose: a bare {@code Mono.error} is a {@code Callable}, so the handler's
     * {@code .publishOn(sessionScheduler)} becomes a {@code subscribeOn} of the callable, whose error path cancels its
     * own subscription; when the session thread gets there before the Tomcat thread has stored the task's future, the
     * Tomcat thread then cancels that future with interruption, while the session thread is writing the 4401 close
     * frame. Tomcat gives up the interrupted write and drops the connection, and the client sees 1006 instead of 4401.
     * Through {@code hide()} the handler's {@code publishOn} is a plain hand-over, which cancels nothing.
     */
    private static Mono<Object> refused(String why) {
        return Mono.error(new IllegalStateException(why)).hide();
    }

    private static void closeAtExpiry(WebSocketSessionInfo session, Jwt token) {
        ClosableSockets.socketOf(session).ifPresent(socket -> Mono.delay(Duration.between(Instant.now(),
                token.getExpiresAt())).subscribe(expired -> close(socket)));
    }

    private static void close(WebSocketSession socket) {
        try {
            if (socket.isOpen()) {
                socket.close(TOKEN_EXPIRED);
            }
        } catch (IOException alreadyGone) {
            // The client went away at the same moment: nothing left to close.
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socketRequest) {
            Jwt token = (Jwt) socketRequest.getSessionInfo().getAttributes().get(TOKEN);
            if (token != null && Instant.now().isBefore(token.getExpiresAt())) {
                Caller caller = TokenCallers.fromToken(token, null);
                request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(
                        CallerInterceptor.CALLER, caller, TOKEN, token)).build());
            }
        }
        return chain.next(request);
    }
}
