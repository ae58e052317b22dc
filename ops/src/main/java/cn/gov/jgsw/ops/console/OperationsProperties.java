package cn.gov.jgsw.ops.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform operator's sign-in for the operations console and the actuator endpoints. Given by environment in
 * production ({@code JGSW_OPERATOR_USERNAME}, {@code JGSW_OPERATOR_PASSWORD}); without them nobody can sign in to the
 * console, which then only shows health to the load balancer.
 *
 * @param username the operator's login
 * @param password the operator's password
 */
@ConfigurationProperties(prefix = "jgsw.operations")
public record OperationsProperties(String username, String password) {

    boolean configured() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
