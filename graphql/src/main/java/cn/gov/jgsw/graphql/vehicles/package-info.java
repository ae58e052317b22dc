/**
 * Official vehicles (公务用车) over the API: ordering a car, dispatching a vehicle and driver, the driver's trip, the
 * fleet ledger, suppliers, fences and alert cases, and the gateways' positions at the machine door.
 */
package cn.gov.jgsw.graphql.vehicles;
