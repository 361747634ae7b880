using System.ComponentModel;

namespace OpenAid.Domain.Assets;

/// <summary>What a project left behind for the village collective (资产收益扶贫).</summary>
[Description("The kind of asset a project left to the village collective.")]
public enum AssetKind
{
    [Description("光伏电站: a photovoltaic station selling power to the grid.")]
    PhotovoltaicStation = 1,
    [Description("扶贫车间: a workshop let to an enterprise or run by the collective.")]
    Workshop = 2,
    [Description("大棚: greenhouses let or run for crops.")]
    Greenhouse = 3,
    [Description("入股企业: funds invested as shares in an enterprise or cooperative, paying dividends.")]
    EnterpriseShares = 4,
    [Description("其他: another income-bearing asset.")]
    Other = 5,
}
