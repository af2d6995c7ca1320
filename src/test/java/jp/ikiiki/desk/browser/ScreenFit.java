package jp.ikiiki.desk.browser;

import com.microsoft.playwright.Page;
import java.util.Map;

/**
 * What a person sees without scrolling: whether an element lies inside the browser's viewport, and how many of a
 * Vaadin grid's rows are fully visible both inside the grid and inside the viewport.
 */
public final class ScreenFit {

	private ScreenFit() {
	}

	/**
	 * The rows of the grid {@code selector} fully visible without scrolling anything, and the grid's item count.
	 */
	public static Rows rows(Page page, String selector) {
		@SuppressWarnings("unchecked")
		Map<String, Object> r = (Map<String, Object>) page.locator(selector).evaluate("""
				grid => {
				  const root = grid.shadowRoot;
				  const table = root.querySelector('#table').getBoundingClientRect();
				  const head = root.querySelector('thead').getBoundingClientRect();
				  const bottom = Math.min(table.bottom, window.innerHeight);
				  const rows = [...root.querySelectorAll('#items tr')].filter(tr => !tr.hidden);
				  const visible = rows.filter(tr => {
				    const b = tr.getBoundingClientRect();
				    return b.height > 0 && b.top >= head.bottom - 1 && b.bottom <= bottom + 1;
				  });
				  const first = rows.find(tr => tr.getBoundingClientRect().height > 0);
				  const rowHeight = first ? first.getBoundingClientRect().height : 36;
				  return { visible: visible.length, size: grid.size || 0,
				           capacity: Math.floor((bottom - head.bottom + 1) / rowHeight) };
				}
				""");
		return new Rows(((Number) r.get("visible")).intValue(), ((Number) r.get("size")).intValue(),
				((Number) r.get("capacity")).intValue());
	}

	/**
	 * How far (px) the body cells of the grid's first row stand from their header cells at most, and whether every
	 * header lies inside the grid horizontally (no column cut off at the right).
	 */
	public static Columns columns(Page page, String selector) {
		@SuppressWarnings("unchecked")
		Map<String, Object> r = (Map<String, Object>) page.locator(selector).evaluate("""
				grid => {
				  const root = grid.shadowRoot;
				  const table = root.querySelector('#table').getBoundingClientRect();
				  const heads = [...root.querySelectorAll('thead tr:last-child th')].filter(th => !th.hidden);
				  const row = [...root.querySelectorAll('#items tr')].find(tr => !tr.hidden);
				  const cells = row ? [...row.querySelectorAll('td')].filter(td => !td.hidden) : [];
				  let offset = 0;
				  heads.forEach((th, i) => {
				    if (cells[i]) {
				      const h = th.getBoundingClientRect(), c = cells[i].getBoundingClientRect();
				      offset = Math.max(offset, Math.abs(h.left - c.left), Math.abs(h.width - c.width));
				    }
				  });
				  const inside = heads.every(th => th.getBoundingClientRect().right <= table.right + 1);
				  return { offset: offset, inside: inside, count: heads.length };
				}
				""");
		return new Columns(((Number) r.get("offset")).doubleValue(), (Boolean) r.get("inside"),
				((Number) r.get("count")).intValue());
	}

	/**
	 * @param offset largest distance between a header cell and its body cell (left edge or width), px
	 * @param inside every column header inside the grid's visible width
	 * @param count  columns
	 */
	public record Columns(double offset, boolean inside, int count) {
	}

	/** True when the element's box lies entirely inside the viewport (seen without scrolling the page). */
	public static boolean inViewport(Page page, String selector) {
		return (Boolean) page.locator(selector).first().evaluate("""
				e => { const b = e.getBoundingClientRect();
				       return b.width > 0 && b.height > 0 && b.top >= 0 && b.left >= 0
				           && b.bottom <= window.innerHeight && b.right <= window.innerWidth; }
				""");
	}

	/**
	 * @param visible rows fully visible
	 * @param size     the grid's item count
	 * @param capacity rows of the first row's height that fit in the visible part of the grid
	 */
	public record Rows(int visible, int size, int capacity) {

		/** At least ten rows, or every row when the grid has fewer. */
		public boolean atLeastTenOrAll() {
			return visible >= Math.min(10, size);
		}

		/** Room for ten rows, whatever the grid holds now. */
		public boolean roomForTen() {
			return capacity >= 10;
		}
	}
}
