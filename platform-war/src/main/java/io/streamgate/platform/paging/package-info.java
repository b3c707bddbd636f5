/** Which page of a long list a caller wants, and a page of results with its total. */
package io.streamgate.platform.paging;
