/**
 * People (人员) over the API: who the caller is ({@code me}) and the person's own settings
 * ({@code changeDisplayLanguage}).
 */
package cn.gov.jgsw.graphql.people;
