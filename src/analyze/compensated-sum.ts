// simple-statistics' `sum` (Kahan-Babuska compensated summation) taken one value at a time, so a
// sum over millions of values streamed by needs no array of them. The same operations in the
// same order: the result is the very number `sum(values)` gives.
export class CompensatedSum {
  private total = 0;
  private correction = 0;
  private count = 0;

  add(value: number): void {
    if (this.count++ === 0) {
      this.total = value;
      return;
    }
    const transition = this.total + value;
    if (Math.abs(this.total) >= Math.abs(value)) this.correction += this.total - transition + value;
    else this.correction += value - transition + this.total;
    this.total = transition;
  }

  get value(): number {
    return this.count === 0 ? 0 : this.total + this.correction;
  }
}
