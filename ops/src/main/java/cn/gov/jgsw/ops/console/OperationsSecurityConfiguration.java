package cn.gov.jgsw.ops.console;

import cn.gov.jgsw.tenants.identity.SignInThrottle;
import com.mongodb.client.MongoDatabase;
import de.codecentric.boot.admin.server.config.AdminServerProperties;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations console ({@code /admin}, Spring Boot Admin) and the actuator endpoints. Health is open (load
 * balancers ask it, and it shows no details without sign-in); every other endpoint and the console need the
 * {@code OPERATOR} role. Operators authenticate against their own user store, never the bureaus' users, so that no
 * bureau account can reach operations and no operator gets a bureau token. Their sign-in is throttled and every
 * failure logged ({@link OperatorSignInLock}).
 */
@Configuration(proxyBeanMethods = false)
public class OperationsSecurityConfiguration {

    /** After the authorization server, before the API and the sign-in catch-all. */
    public static final int OPERATIONS_ORDER = 10;
    static final String OPERATOR = "OPERATOR";

    @Bean
    @Order(OPERATIONS_ORDER)
    SecurityFilterChain operationsFilterChain(HttpSecurity http, AdminServerProperties admin,
                                              OperationsProperties operations, PasswordEncoder passwordEncoder,
                                              MongoDatabase platformDatabase, Clock clock)
            throws Exception {
        String console = admin.getContextPath();
        OperatorSignInLock lock = new OperatorSignInLock(
                new SignInThrottle(platformDatabase, clock, "operator_sign_in_failures"), console + "/login");
        SavedRequestAwareAuthenticationSuccessHandler toConsole = new SavedRequestAwareAuthenticationSuccessHandler();
        toConsole.setTargetUrlParameter("redirectTo");
        toConsole.setDefaultTargetUrl(console + "/");
        http.securityMatcher(new OrRequestMatcher(
                        new AntPathRequestMatcher(console + "/**"), EndpointRequest.toAnyEndpoint()))
                .authenticationManager(operators(operations, passwordEncoder, lock))
                .addFilterBefore(lock, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(new AntPathRequestMatcher(console + "/assets/**")).permitAll()
                        .requestMatchers(new AntPathRequestMatcher(console + "/login")).permitAll()
                        .anyRequest().hasRole(OPERATOR))
                .formLogin(form -> form.loginPage(console + "/login").successHandler(toConsole))
                .logout(logout -> logout.logoutUrl(console + "/logout"))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        // Registration and actuator calls come from machines with basic auth, not from a browser.
                        .ignoringRequestMatchers(
                                new AntPathRequestMatcher(console + "/instances", "POST"),
                                new AntPathRequestMatcher(console + "/instances/*", "DELETE"),
                                EndpointRequest.toAnyEndpoint()));
        return http.build();
    }

    private static AuthenticationManager operators(OperationsProperties operations, PasswordEncoder passwordEncoder,
                                                   AuthenticationEventPublisher events) {
        List<UserDetails> users = new ArrayList<>();
        if (operations.configured()) {
            users.add(User.withUsername(operations.username())
                    .password(passwordEncoder.encode(operations.password()))
                    .roles(OPERATOR)
                    .build());
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        provider.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }
}
