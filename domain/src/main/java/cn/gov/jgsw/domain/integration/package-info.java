/**
 * Integration clients (集成客户端): the machines of a bureau that send data in, such as a gateway of GPS/Beidou vehicle
 * terminals or of energy meters. A bureau admin registers a client with the scopes it needs, rotates its secret and
 * disables it; each of these steps is an event of the bureau, so the record shows who gave which machine access, and
 * when. The secrets themselves never enter an event: only an id and a short fingerprint do.
 */
package cn.gov.jgsw.domain.integration;
