/** The bureau admin's management of integration clients (集成客户端). */
package cn.gov.jgsw.graphql.integration;
