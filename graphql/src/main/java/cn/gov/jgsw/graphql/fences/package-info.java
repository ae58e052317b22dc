/** Alert cases of the electronic fences and the bureau's track retention, for bureau admins and supervisors. */
package cn.gov.jgsw.graphql.fences;
