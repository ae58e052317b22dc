/**
 * The operations console: Spring Boot Admin in the platform's process, and the security of it and of the actuator
 * endpoints. Operators are not bureau staff and sign in separately.
 */
package cn.gov.jgsw.ops.console;
