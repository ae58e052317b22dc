package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.TokenCallers;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Puts the verified {@link Caller} into the GraphQL context as {@value #CALLER}, where controllers take it as a
 * {@link Caller} parameter ({@link CallerArgument}). The app reports its version in the {@value #APP_VERSION_HEADER}
 * header; it is recorded in events as part of the client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CallerInterceptor implements WebGraphQlInterceptor {

    public static final String CALLER = "caller";
    public static final String APP_VERSION_HEADER = "X-App-Version";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            String appVersion = request.getHeaders().getFirst(APP_VERSION_HEADER);
            Caller caller = TokenCallers.fromToken(token.getToken(), sanitize(appVersion));
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(CALLER, caller)).build());
        }
        return chain.next(request);
    }

    /** The header is client input: keep it short and printable, since it lands in the audit trail. */
    private static String sanitize(String appVersion) {
        if (appVersion == null) {
            return null;
        }
        String printable = appVersion.replaceAll("[^0-9A-Za-z.+_-]", "");
        return printable.length() > 32 ? printable.substring(0, 32) : printable;
    }
}
