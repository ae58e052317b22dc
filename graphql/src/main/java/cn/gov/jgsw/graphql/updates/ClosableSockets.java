package cn.gov.jgsw.graphql.updates;

import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.util.Optional;

/**
 * Spring GraphQL's socket handler, changed in two things: each socket carries itself among its attributes, so that
 * {@link SocketAuthentication}, which only sees {@link WebSocketSessionInfo}, can close the socket when its token
 * expires; and a {@code subscribe} naming a persisted operation by id only is let through ({@link PersistedSubscribe}). Otherwise configured as Spring Boot would (path, init timeout and keep-alive from
 * {@code spring.graphql.websocket.*}); Boot steps back when a handler is defined.
 */
@Configuration(proxyBeanMethods = false)
public class ClosableSockets {

    static final String SOCKET = "socket.self";

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler graphQlHandler, GraphQlProperties properties,
                                                    HttpMessageConverters converters) {
        HttpMessageConverter<?> json = converters.getConverters().stream()
                .filter(MappingJackson2HttpMessageConverter.class::isInstance).findFirst()
                .orElseThrow(() -> new IllegalStateException("no JSON converter for the GraphQL socket"));
        return new GraphQlWebSocketHandler(graphQlHandler, json,
                properties.getWebsocket().getConnectionInitTimeout(), properties.getWebsocket().getKeepAlive()) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) {
                session.getAttributes().put(SOCKET, session);
                super.afterConnectionEstablished(session);
            }

            @Override
            protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
                super.handleTextMessage(session, PersistedSubscribe.withDocumentMarker(message));
            }
        };
    }

    /** The socket behind a session's info, if it came through this handler. */
    static Optional<WebSocketSession> socketOf(WebSocketSessionInfo session) {
        return Optional.ofNullable(session.getAttributes().get(SOCKET)).map(WebSocketSession.class::cast);
    }
}
