using Microsoft.EntityFrameworkCore;
using OpenAid.Data.Regions;
using OpenAid.Domain.Regions;
using Xunit.Abstractions;

namespace OpenAid.Data.Tests;

[Collection("regions")]
public class RegionImportTests(RegionsFixture fixture, ITestOutputHelper output)
{
    private static readonly long[] CitiesWithoutCounties = [441_900_000_000, 442_000_000_000]; // 东莞市, 中山市

    [Fact]
    public async Task Imports_every_place_of_the_five_provinces()
    {
        var result = fixture.Result.Regions!;
        foreach (var line in fixture.Progress.Lines)
        {
            output.WriteLine(line);
        }

        Assert.Equal(5, result.Provinces);
        Assert.Equal(79, result.Cities);

        // 598 county rows in the seed; 东莞市 and 中山市 have no county tier and pad to their cities' codes.
        Assert.Equal(596, result.Counties);
        Assert.Equal(2, result.Merged);
        Assert.Equal(7_916, result.Townships);
        Assert.Equal(104_672, result.Villages);
        Assert.Equal("sqlite", result.Mode);

        await using var db = fixture.Open();
        var byLevel = await db.Regions.GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(5, byLevel[RegionLevel.Province]);
        Assert.Equal(79, byLevel[RegionLevel.City]);
        Assert.Equal(596, byLevel[RegionLevel.County]);
        Assert.Equal(7_916, byLevel[RegionLevel.Township]);
        Assert.Equal(104_672, byLevel[RegionLevel.Village]);
    }

    [Fact]
    public async Task Every_place_hangs_under_an_existing_parent_one_level_up()
    {
        await using var db = fixture.Open();
        var regions = await db.Regions.Select(r => new { r.Code, r.Level, r.ParentCode }).ToDictionaryAsync(r => r.Code);
        var townshipsUnderCities = 0;
        foreach (var region in regions.Values)
        {
            Assert.Equal(region.Level, RegionCode.LevelOf(region.Code));
            if (region.Level == RegionLevel.Province)
            {
                Assert.Null(region.ParentCode);
                continue;
            }

            Assert.True(regions.TryGetValue(region.ParentCode!.Value, out var parent), $"{region.Code} has no parent {region.ParentCode}");
            Assert.True(new RegionCode(parent.Code, parent.Level).Contains(region.Code), $"{region.Code} is outside its parent {parent.Code}");
            if (region.Level == RegionLevel.Township && CitiesWithoutCounties.Contains(parent.Code))
            {
                Assert.Equal(RegionLevel.City, parent.Level);
                townshipsUnderCities++;
            }
            else
            {
                Assert.Equal(region.Level - 1, parent.Level);
            }
        }

        Assert.InRange(townshipsUnderCities, 40, 80);
    }

    [Theory]
    [InlineData(450_000_000_000, "广西壮族自治区", RegionLevel.Province)]
    [InlineData(451_000_000_000, "百色市", RegionLevel.City)]
    [InlineData(431_222_000_000, "沅陵县", RegionLevel.County)]
    [InlineData(430_182_000_000, "宁乡市", RegionLevel.County)]
    [InlineData(441_900_000_000, "东莞市", RegionLevel.City)]
    [InlineData(210_102_001_002, "水源地社区", RegionLevel.Village)]
    public async Task Keeps_the_official_codes_and_names(long code, string name, RegionLevel level)
    {
        await using var db = fixture.Open();
        var region = await db.Regions.SingleAsync(r => r.Code == code);
        Assert.Equal(name, region.Name);
        Assert.Equal(level, region.Level);

        // The real data says nothing about poverty; only the demo generator sets these flags.
        Assert.Equal(PovertyStatus.NotRegistered, region.PovertyStatus);
        Assert.False(region.IsNationalKeyCounty || region.IsProvincialKeyCounty || region.IsContiguousDestituteArea || region.IsDeepPoverty);
        Assert.Null(region.PlannedExitYear);
    }

    [Fact]
    public async Task Bumps_the_data_version_and_refuses_to_import_twice()
    {
        await using (var db = fixture.Open())
        {
            var version = await db.DataVersions.SingleAsync();
            Assert.True(version.Version >= 1);
        }

        await using var copy = TestDatabase.Open(fixture.Copy());
        await Assert.ThrowsAsync<InvalidOperationException>(() => RegionImporter.ImportAsync(copy));
    }

    [Fact]
    public async Task Seeds_the_exit_rules_of_each_province()
    {
        await using var db = fixture.Open();
        var criteria = await db.ExitCriteria.ToListAsync();
        Assert.Equal(11, criteria.Count);
        Assert.Equal(11, fixture.Result.ExitCriteriaSeeded);

        ExitCriterion Rule(long province, RegionLevel level) => criteria.Single(c => c.ProvinceCode == province && c.Level == level);
        var guangxi = Rule(450_000_000_000, RegionLevel.Village);
        Assert.Equal((300, 5_000_000L, 2018), (guangxi.MaxPovertyIncidenceBasisPoints, guangxi.MinCollectiveIncomeFen!.Value, guangxi.FromYear));
        var hunan = Rule(430_000_000_000, RegionLevel.Village);
        Assert.Equal((200, 4_000_000L, 2016), (hunan.MaxPovertyIncidenceBasisPoints, hunan.MinCollectiveIncomeFen!.Value, hunan.FromYear));
        Assert.Equal(300, Rule(530_000_000_000, RegionLevel.County).MaxPovertyIncidenceBasisPoints);
        Assert.Null(Rule(530_000_000_000, RegionLevel.Village).MinCollectiveIncomeFen);
        Assert.Equal(200, Rule(210_000_000_000, RegionLevel.County).MaxPovertyIncidenceBasisPoints);
        Assert.Equal(2013, Rule(440_000_000_000, RegionLevel.Village).FromYear);
        // Public text cites a policy document by its title, or the national standard as such; never a file name.
        Assert.All(criteria.SelectMany(c => (string[])[c.Source, c.IncidenceSource]), source => Assert.True(
            source.StartsWith('《') || source.StartsWith(ExitCriteriaSeed.NationalStandard, StringComparison.Ordinal), source));
        Assert.All(criteria, c => Assert.DoesNotContain("seed", c.Source, StringComparison.OrdinalIgnoreCase));
        // Liaoning and Yunnan documents give no figure: the national standard, cited as such, not as theirs.
        Assert.All(criteria.Where(c => c.ProvinceCode is 210_000_000_000 or 530_000_000_000), c => Assert.StartsWith(ExitCriteriaSeed.NationalStandard, c.Source, StringComparison.Ordinal));
        var guangdong = Rule(440_000_000_000, RegionLevel.Village);
        Assert.Equal((6_000, 4_500, 5_000_000L), (guangdong.MinVillageIncomeShareBasisPoints!.Value, guangdong.MinHelpedHouseholdIncomeShareBasisPoints!.Value, guangdong.MinCollectiveIncomeFen!.Value));
        Assert.Equal(2020, guangxi.MinCollectiveIncomeFromYear);
        Assert.True(hunan.RequiresInfrastructureSolved);
        var hunanCounties = criteria.Where(c => c.ProvinceCode == 430_000_000_000 && c.Level == RegionLevel.County).OrderBy(c => c.FromYear).ToList();
        Assert.Equal([(2016, 800_000L, 2017), (2020, 1_000_000L, 2020)], hunanCounties.Select(c => (c.FromYear, c.MinRuralIncomeFen!.Value, c.MinRuralIncomeFromYear ?? c.FromYear)));
        Assert.All(criteria.Where(c => c.Level == RegionLevel.County), c => Assert.Null(c.MinCollectiveIncomeFen));
    }

    [Fact]
    public async Task The_provider_neutral_path_imports_the_same_places()
    {
        // Down to the townships only: the EF path is the SQL Server fallback and is slow on 104,672 villages.
        await using var db = TestDatabase.Open(fixture.NewFile("ef-import.db"));
        await db.Database.MigrateAsync();
        var result = await RegionImporter.ImportAsync(db, null, providerNeutral: true, CancellationToken.None, RegionLevel.Township);
        output.WriteLine($"EF import without villages: {result.Elapsed.TotalMilliseconds:N0} ms");

        Assert.Equal("ef", result.Mode);
        Assert.Equal(fixture.Result.Regions! with { Villages = 0, Elapsed = default, Mode = "" }, result with { Elapsed = default, Mode = "" });
        await using var template = fixture.Open();
        Assert.Equal(await Checksum(template.Regions.Where(r => r.Level != RegionLevel.Village)), await Checksum(db.Regions));
        Assert.True((await db.DataVersions.SingleAsync()).Version >= 1);

        static async Task<(long, long, int, int)> Checksum(IQueryable<Region> regions) => (
            await regions.SumAsync(r => r.Code % 1_000_003),
            await regions.SumAsync(r => (r.ParentCode ?? 0) % 1_000_003),
            await regions.SumAsync(r => r.Name.Length),
            await regions.SumAsync(r => (int)r.Level));
    }

    [Theory]
    [InlineData("450000,广西壮族自治区", new[] { "450000", "广西壮族自治区" })]
    [InlineData("2101,\"沈阳市\",21", new[] { "2101", "沈阳市", "21" })]
    [InlineData("1,\"a,b\",2", new[] { "1", "a,b", "2" })]
    [InlineData("1,\"say \"\"hi\"\"\",2\r", new[] { "1", "say \"hi\"", "2" })]
    [InlineData("1,,3", new[] { "1", "", "3" })]
    public void Splits_csv_lines_with_quotes(string line, string[] expected)
    {
        var fields = new List<string>();
        RegionSeed.SplitCsvLine(line, fields);
        Assert.Equal(expected, fields);
    }

    [Fact]
    public void Reads_the_embedded_seed_without_the_file_system()
    {
        var villages = RegionSeed.ReadLevel(RegionLevel.Village);
        Assert.Equal(104_672, villages.Count);
        Assert.All(villages, v => Assert.Equal(v.ParentCode, v.Code / 1_000 * 1_000));
        Assert.DoesNotContain(villages, v => v.Name.Contains('"', StringComparison.Ordinal) || v.Name.Length == 0);
    }
}
