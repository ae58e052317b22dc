/**
 * Official vehicles on the phone: ordering a car, approving it, dispatching a vehicle and driver, the driver's trip.
 */
package cn.gov.jgsw.graphql.vehicles;
