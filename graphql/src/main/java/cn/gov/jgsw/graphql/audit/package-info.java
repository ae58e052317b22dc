/** Purpose-bound access (查阅登记): sensitive reads state why, and are recorded before the data is handed out. */
package cn.gov.jgsw.graphql.audit;
