/**
 * Property services (物业服务): a civil servant asks for a repair, cleaning, a meeting-room setup or a move; property
 * staff accept, assign, start and finish the work; the requester confirms and rates it, or reopens it. Each request
 * has a due time from its urgency and the bureau's work calendar; missing it is recorded once.
 */
package cn.gov.jgsw.domain.property;
