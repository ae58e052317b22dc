package cn.gov.jgsw.tenants.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Puts {@link SignInThrottle} in front of the sign-in form: a locked attempt is sent back to the form before its
 * password is looked at, failures and successes are counted.
 */
final class SignInLock extends OncePerRequestFilter implements AuthenticationFailureHandler, AuthenticationSuccessHandler {

    private final SignInThrottle throttle;
    private final AuthenticationSuccessHandler continueSignIn = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInLock(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.lockedFor(request.getParameter("username"), request.getRemoteAddr()).isPresent()) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        throttle.failed(request.getParameter("username"), request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        throttle.succeeded(request.getParameter("username"), request.getRemoteAddr());
        continueSignIn.onAuthenticationSuccess(request, response, authentication);
    }
}
