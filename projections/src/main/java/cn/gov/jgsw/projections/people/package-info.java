/** The people context's read models: each person's own settings as the app shows them. */
package cn.gov.jgsw.projections.people;
