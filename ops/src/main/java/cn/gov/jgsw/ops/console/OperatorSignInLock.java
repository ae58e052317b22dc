package cn.gov.jgsw.ops.console;

import cn.gov.jgsw.tenants.identity.SignInThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The operators' sign-in (the console's form and HTTP Basic on the actuator) throttled as the bureaus' sign-in form
 * is ({@link SignInThrottle}, counters of their own): five failures for one name from one address lock that pair, a
 * lock doubles to fifteen minutes, a hundred from one address lock the address; a locked attempt is answered 429
 * before its password is looked at, and every failure is logged with its name and address.
 */
final class OperatorSignInLock extends OncePerRequestFilter implements AuthenticationEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(OperatorSignInLock.class);

    private final SignInThrottle throttle;
    private final String consoleLogin;

    OperatorSignInLock(SignInThrottle throttle, String consoleLogin) {
        this.throttle = throttle;
        this.consoleLogin = consoleLogin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> name = nameTried(request);
        Optional<Duration> locked = name.flatMap(tried -> throttle.lockedFor(tried, request.getRemoteAddr()));
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":\"too many failed sign-ins: locked for " + seconds + " s\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The operator name an attempt tries: HTTP Basic's, or the console form's. */
    private Optional<String> nameTried(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        if ("POST".equals(request.getMethod()) && consoleLogin.equals(request.getRequestURI())) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        return Optional.empty();
    }

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {
        addressOf(authentication).ifPresent(address -> throttle.succeeded(authentication.getName(), address));
    }

    @Override
    public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        String address = addressOf(authentication).orElse("unknown");
        log.warn("Operator sign-in failed for {} from {} ({})", authentication.getName(), address,
                exception.getClass().getSimpleName());
        throttle.failed(authentication.getName(), address);
    }

    private static Optional<String> addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? Optional.ofNullable(details.getRemoteAddress()) : Optional.empty();
    }
}
