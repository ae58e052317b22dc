/**
 * The person's own settings: shown on {@code me}, changed with {@code changeDisplayLanguage}.
 */
package cn.gov.jgsw.graphql.settings;
