# Rolegate connection c0a8012e-principal: Data "lake" <prod> — 東京
# Apply with credentials of AWS account 111122223333.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_iam_role" "rolegate" {
  name                 = "rolegate-c0a8012e-principal"
  description          = "Read access for Rolegate connection c0a8012e-principal"
  max_session_duration = 3600
  assume_role_policy   = <<EOT
{
  "Version" : "2012-10-17",
  "Statement" : {
    "Sid" : "RolegateAssumeRoleWithExternalId",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::999988887777:role/rolegate/RolegateChecker"
    },
    "Action" : "sts:AssumeRole",
    "Condition" : {
      "StringEquals" : {
        "sts:ExternalId" : "rg-principalcase5555555555555555555"
      }
    }
  }
}
EOT
}

resource "aws_iam_role_policy" "rolegate_read" {
  name   = "rolegate-read"
  role   = aws_iam_role.rolegate.id
  policy = <<EOT
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "ListBuckets",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws:s3:::acme-tokyo"
  }, {
    "Sid" : "ReadObjects",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject", "s3:GetObjectVersion" ],
    "Resource" : "arn:aws:s3:::acme-tokyo/*"
  }, {
    "Sid" : "LocateBuckets",
    "Effect" : "Allow",
    "Action" : "s3:GetBucketLocation",
    "Resource" : "arn:aws:s3:::acme-tokyo"
  } ]
}
EOT
}

output "role_arn" {
  description = "Paste this role ARN into Rolegate."
  value       = aws_iam_role.rolegate.arn
}
