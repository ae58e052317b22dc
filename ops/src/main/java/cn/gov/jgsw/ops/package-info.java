/**
 * The runnable platform: the Spring Boot application, storage adapters (the embedded MongoDB-wire server),
 * Axon infrastructure and the operations console (Spring Boot Admin).
 */
package cn.gov.jgsw.ops;
