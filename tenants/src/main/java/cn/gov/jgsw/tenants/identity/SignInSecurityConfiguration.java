package cn.gov.jgsw.tenants.identity;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import java.time.Clock;

/**
 * The catch-all chain: the sign-in form the authorization server sends browsers to ({@link SignInPage}, posting to
 * Spring Security's form login). {@code /error} stays
 * open, or the authorization server's own 400 answers would be hidden behind a sign-in. The mobile API and the
 * operations console have chains of their own, ordered before this one.
 */
@Configuration(proxyBeanMethods = false)
public class SignInSecurityConfiguration {

    /** Order of the sign-in chain: the catch-all, last. */
    public static final int SIGN_IN_ORDER = 100;

    @Bean
    @Order(SIGN_IN_ORDER)
    SecurityFilterChain signInFilterChain(HttpSecurity http, SignInThrottle throttle, UserAccounts userAccounts,
                                          PasswordEncoder passwordEncoder) throws Exception {
        SignInLock lock = new SignInLock(throttle);
        // Explicit, so that a password hashed with an older scheme is re-hashed at sign-in (UserAccounts#updatePassword).
        DaoAuthenticationProvider people = new DaoAuthenticationProvider(userAccounts);
        people.setPasswordEncoder(passwordEncoder);
        people.setUserDetailsPasswordService(userAccounts);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error", "/login", "/graphiql", "/graphiql/**").permitAll()
                        .anyRequest().authenticated())
                .authenticationProvider(people)
                .addFilterBefore(lock, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").failureHandler(lock).successHandler(lock));
        return http.build();
    }

    @Bean
    SignInThrottle signInThrottle(MongoDatabase platformDatabase) {
        return new SignInThrottle(platformDatabase, Clock.systemUTC());
    }
}
