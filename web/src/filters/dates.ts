/** Date presets for the global filter. Days are 'YYYY-MM-DD' text, the shop's calendar. */
export interface DayRange { from: string; to: string }

const pad = (n: number) => String(n).padStart(2, '0');
export const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

/** Yesterday is the last complete day; "today" is still being imported. */
export function lastDays(n: number, now = new Date()): DayRange {
  const end = addDays(now, -1);
  return { from: dayOf(addDays(end, -(n - 1))), to: dayOf(end) };
}

export function thisMonth(now = new Date()): DayRange {
  const end = addDays(now, -1);
  return { from: dayOf(new Date(end.getFullYear(), end.getMonth(), 1)), to: dayOf(end) };
}

export function lastMonth(now = new Date()): DayRange {
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return { from: dayOf(first), to: dayOf(new Date(now.getFullYear(), now.getMonth(), 0)) };
}

export function thisYear(now = new Date()): DayRange {
  return { from: `${now.getFullYear()}-01-01`, to: dayOf(addDays(now, -1)) };
}

/**
 * The most recent finished (or running) shopping festival: 618 runs 05-20 … 06-20 and
 * 双11 runs 10-20 … 11-11 (pre-sale through the day itself), as the platforms schedule them.
 */
export function festival(kind: '618' | '1111', now = new Date()): DayRange {
  const [fm, fd, tm, td] = kind === '618' ? [5, 20, 6, 20] : [10, 20, 11, 11];
  const today = dayOf(now);
  let y = now.getFullYear();
  if (`${y}-${pad(fm)}-${pad(fd)}` > today) y -= 1;
  return { from: `${y}-${pad(fm)}-${pad(fd)}`, to: `${y}-${pad(tm)}-${pad(td)}` };
}

/** The period just before `r`, of the same length (环比). */
export function previousRange(r: DayRange): DayRange {
  const from = new Date(`${r.from}T00:00:00`);
  const to = new Date(`${r.to}T00:00:00`);
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000) + 1;
  return { from: dayOf(addDays(from, -days)), to: dayOf(addDays(from, -1)) };
}
