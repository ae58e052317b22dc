/**
 * The tenant context of a request and its propagation into Axon message metadata, so every event records which
 * bureau, who, in which role, from which client and as part of which request.
 */
package cn.gov.jgsw.tenants.context;
