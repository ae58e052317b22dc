/**
 * The error model: every error the client sees has a stable {@code extensions.code} and a message in zh-CN or en;
 * nothing internal (exception messages, class names, stack traces) leaves the server.
 */
package cn.gov.jgsw.graphql.errors;
