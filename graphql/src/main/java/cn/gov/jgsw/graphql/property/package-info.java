/** Property service requests on the phone: asked for, worked by property staff, confirmed or reopened. */
package cn.gov.jgsw.graphql.property;
