/**
 * Approvals (审批): one inbox for requests of every context (a vehicle order, a property service request; later asset
 * allocation, repair and disposal, room allocation). A bureau's policy per kind of subject routes a request through
 * ordered steps; each step names roles or persons, and is signed off by all of them (会签) or by any one (或签);
 * conditions on the subject (off hours, a cost over a cap) add steps. A request keeps the policy version it started
 * under.
 */
package cn.gov.jgsw.domain.approvals;
