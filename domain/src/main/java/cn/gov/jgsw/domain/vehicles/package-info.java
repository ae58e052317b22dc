/**
 * Official vehicles (公务用车): the fleet (vehicles and drivers with their reservations) and the vehicle order
 * (用车申请) from request through approval, dispatch and trip to completion.
 */
package cn.gov.jgsw.domain.vehicles;
