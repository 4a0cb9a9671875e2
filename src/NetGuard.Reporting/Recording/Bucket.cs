namespace NetGuard.Reporting.Recording;

/// <summary>Smallest, largest and summed values of the seconds that fell in one bucket.</summary>
internal struct Bucket
{
    public float Min;
    public float Max;
    public double Sum;
    public int Count;

    public void Add(double value)
    {
        var v = (float)value;
        Min = Count == 0 ? v : Math.Min(Min, v);
        Max = Count == 0 ? v : Math.Max(Max, v);
        Sum += value;
        Count++;
    }

    public static Bucket Merge(in Bucket a, in Bucket b) =>
        a.Count == 0 ? b
        : b.Count == 0 ? a
        : new Bucket { Min = Math.Min(a.Min, b.Min), Max = Math.Max(a.Max, b.Max), Sum = a.Sum + b.Sum, Count = a.Count + b.Count };
}
