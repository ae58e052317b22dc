/**
 * The mobile contract: the GraphQL SDL under {@code graphql/}, the operation documents the app sends under
 * {@code operations/}, the released snapshots under {@code contract/releases/}, the error messages under
 * {@code i18n/}; and the build step that writes the persisted-operation manifest. Nothing here runs in the platform.
 */
package cn.gov.jgsw.contract;
