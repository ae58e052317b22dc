package cn.gov.jgsw.graphql.updates;

import jakarta.websocket.Session;
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
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import java.time.Duration;
import java.util.Optional;

/**
 * Spring GraphQL's socket handler, changed in two things: each socket carries itself among its attributes, so that
 * {@link SocketAuthentication}, which only sees {@link WebSocketSessionInfo}, can close the socket when its token
 * expires; and a {@code subscribe} naming a persisted operation by id only is let through ({@link PersistedSubscribe}). Otherwise configured as Spring Boot would (path, init timeout and keep-alive from
 * {@code spring.graphql.websocket.*}); Boot steps back when a handler is defined.
 * <p>
 * Tomcat gives the close frame of every close other than 1000 only 50 ms to be written, from the moment the close
 * starts; past that it drops the connection, frame unsent, and the client sees 1006. Our closes (4401 above all) are
 * answers the app acts on, so each socket gives them {@link #CLOSE_FRAME_PATIENCE} instead: on a busy server a thread
 * can stall longer than 50 ms, while only a client that has stopped reading makes the write wait at all.
 */
@Configuration(proxyBeanMethods = false)
public class ClosableSockets {

    static final String SOCKET = "socket.self";
    /** How long a close frame other than 1000 may take to be written (Tomcat's own default: 50 ms). */
    static final Duration CLOSE_FRAME_PATIENCE = Duration.ofSeconds(2);
    /** Tomcat's session property for it, in milliseconds, as a {@code Long}; other servers ignore it. */
    private static final String TOMCAT_CLOSE_SEND_TIMEOUT =
            "org.apache.tomcat.websocket.ABNORMAL_SESSION_CLOSE_SEND_TIMEOUT";

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
                if (session instanceof NativeWebSocketSession adapter
                        && adapter.getNativeSession() instanceof Session socket) {
                    socket.getUserProperties().put(TOMCAT_CLOSE_SEND_TIMEOUT, CLOSE_FRAME_PATIENCE.toMillis());
                }
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
