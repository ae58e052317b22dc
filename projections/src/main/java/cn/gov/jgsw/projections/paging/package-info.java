/** What the read models' paged lists share: their positions. */
package cn.gov.jgsw.projections.paging;
